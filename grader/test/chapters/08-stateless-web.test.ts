import { selftestChapter } from "../selftest-chapter.ts";

await selftestChapter("08-stateless-web");
