import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("03-scaling");
