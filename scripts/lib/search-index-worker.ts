/**
 * A thread of the search index step (search-index.ts): indexes the courses it is given, each with
 * this thread's own Pagefind process, posting each section page as it is done, then what it indexed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { indexCourse, type CourseToIndex, type IndexedCourse } from './search-index.ts';

const { dist, contentDir, courses } = workerData as { dist: string; contentDir: string; courses: CourseToIndex[] };
const indexed: IndexedCourse[] = [];
for (const course of courses) indexed.push(await indexCourse(dist, contentDir, course, (page) => parentPort?.postMessage({ page })));
await pagefind.close();
parentPort?.postMessage({ indexed });
