/**
 * The demo the README's first command runs: each module's story on the seed articles' cases.
 */
import { main as chongmingLiaison } from './chongming-liaison.js';
import { main as closedLoop } from './closed-loop.js';
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
weihaiBrands();
closedLoop();
riskConsultation();
starRating();
ratingCase();
vanguardIndex();
