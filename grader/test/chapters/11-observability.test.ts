import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("11-observability");
