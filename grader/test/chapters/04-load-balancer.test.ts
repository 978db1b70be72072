import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("04-load-balancer");
