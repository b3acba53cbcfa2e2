/**
 * The demo the README's first command runs: each module's story on the seed articles' cases.
 */
import { main as kernelTour } from './kernel-tour.js';

console.log('# shijian 市监 — demo');
kernelTour();
