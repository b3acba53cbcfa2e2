/**
 * The demo the README's first command runs: each module's story on the seed articles' cases, then a city bureau's
 * year across all modules, stored in PostgreSQL (PGlite) and written as out/report.html.
 */
import { main as bureauYear } from './bureau-year.js';
import { main as chongmingLiaison } from './chongming-liaison.js';
import { main as closedLoop } from './closed-loop.js';
import { main as countyMerger } from './county-merger.js';
import { main as kernelTour } from './kernel-tour.js';
import { main as ratingCase } from './rating-case.js';
import { main as riskConsultation } from './risk-consultation.js';
import { main as starRating } from './star-rating.js';
import { main as vanguardIndex } from './vanguard-index.js';
import { main as weihaiBrands } from './weihai-brands.js';
import { main as weihaiBureau } from './weihai-bureau.js';

console.log('# shijian 市监 — demo');
kernelTour();
weihaiBureau();
chongmingLiaison();
countyMerger();
weihaiBrands();
closedLoop();
riskConsultation();
starRating();
ratingCase();
vanguardIndex();
await bureauYear();
