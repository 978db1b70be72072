import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("10-message-queue");
