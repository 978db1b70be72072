import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("05-replication");
