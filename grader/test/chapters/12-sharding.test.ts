import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("12-sharding");
