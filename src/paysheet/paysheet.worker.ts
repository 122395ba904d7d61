/** The pay-sheet Web Worker: the engine computes every worker's pay off the page's main thread. */
import { serveWorkerJob } from '../worker-job/serve';
import { paySheet } from './paysheet';
import type { PaySheet } from './paysheet';
import type { PaySheetRequest } from './protocol';

serveWorkerJob<PaySheetRequest, { sheet: PaySheet }>((req, onProgress) => ({
  sheet: paySheet(req.roster, { policy: req.policy, period: req.period, params: req.params ?? null, onProgress }),
}));
