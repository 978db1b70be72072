import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("07-cdn");
