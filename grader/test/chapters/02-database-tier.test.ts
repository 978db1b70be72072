import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("02-database-tier");
