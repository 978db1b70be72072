import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("01-single-server");
