import { runLighthouse } from './scripts/lib/lighthouse.ts';
const figures = await runLighthouse('.e2e/site/dist', '/dasc7606/s5/', 3);
console.log(JSON.stringify(figures));
