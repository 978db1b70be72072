import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("13-interview");
