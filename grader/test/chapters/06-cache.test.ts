import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("06-cache");
