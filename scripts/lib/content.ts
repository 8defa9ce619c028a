/** Reads the content folder's frontmatter for scripts that run outside Astro (search index, checks). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';

export interface CourseFacts {
  id: string;
  title: string;
  sections: { number: number; title: string }[];
  questions: { id: string; section: number; number: string; hasAnswer: boolean; paper?: { year: number; label: string } | undefined }[];
}

const markdownFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
const read = (path: string) => splitFrontmatter(readFileSync(path, 'utf8')).data;

export function contentDir(): string {
  return process.env.CONTENT_DIR ?? 'content';
}

export function readCourseFacts(dir: string): CourseFacts[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'course.md')))
    .map((entry) => {
      const courseDir = join(dir, entry.name);
      return {
        id: entry.name,
        title: String(read(join(courseDir, 'course.md')).title ?? entry.name),
        sections: markdownFiles(join(courseDir, 'sections')).map((name) => {
          const data = read(join(courseDir, 'sections', name));
          return { number: Number(data.number), title: String(data.title ?? '') };
        }),
        questions: markdownFiles(join(courseDir, 'questions')).map((name) => {
          const data = read(join(courseDir, 'questions', name));
          const paper = data.paper as { year: number; label: string } | undefined;
          return {
            id: String(data.id),
            section: Number(data.section),
            number: String(data.number),
            hasAnswer: data.hasAnswer === true,
            paper,
          };
        }),
      };
    });
}
