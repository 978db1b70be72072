import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("09-data-centers");
