import type { WebFeature } from '../../app/web-feature.js';
import { CampaignPage, CampaignsPage } from './campaign-pages.js';
import { CertificatePage } from './certificate-page.js';
import { CouncilPage, CouncilsPage } from './council-pages.js';
import { CouncilSetupPage } from './council-setup-page.js';
import { DossierPage } from './dossier-page.js';
import { GalleryPage } from './gallery-page.js';
import { LaunchCampaignPage } from './launch-campaign-page.js';
import { ManagePage, MyInitiativesPage } from './list-pages.js';
import { ModerationPage } from './moderation-page.js';
import { PublicInitiativePage } from './public-initiative-page.js';
import { RegistrationPage } from './registration-page.js';
import { ReviewsPage, ScorePage } from './review-pages.js';
import { SubmitPage } from './submit-page.js';

/** Pages, aliases and navigation of this feature. */
export const movementFeature: WebFeature = {
  routes: [
    { path: 'thu-vien-sang-kien', element: <GalleryPage /> },
    { path: 'thu-vien-sang-kien/:id', element: <PublicInitiativePage /> },
    { path: 'sang-kien/nop', element: <SubmitPage /> },
    { path: 'sang-kien/cua-toi', element: <MyInitiativesPage /> },
    { path: 'sang-kien/:id', element: <DossierPage /> },
    { path: 'sang-kien/:id/sua', element: <SubmitPage /> },
    { path: 'quan-ly-sang-kien', element: <ManagePage /> },
    { path: 'cham-diem', element: <ReviewsPage /> },
    { path: 'cham-diem/:id', element: <ScorePage /> },
    { path: 'hoi-dong-sang-kien', element: <CouncilsPage /> },
    { path: 'hoi-dong-sang-kien/:id', element: <CouncilPage /> },
    { path: 'giay-chung-nhan/:id', element: <CertificatePage /> },
    { path: 'phong-trao', element: <CampaignsPage /> },
    { path: 'phong-trao/phat-dong', element: <LaunchCampaignPage /> },
    { path: 'phong-trao/:code', element: <CampaignPage /> },
    { path: 'hoi-dong-sang-kien/thanh-lap', element: <CouncilSetupPage /> },
    { path: 'dang-ky-thi-dua/:phaseId', element: <RegistrationPage /> },
    // Lazy, like the indicators dashboard: ECharts loads only with the report.
    { path: 'bao-cao-giai-doan/:phaseId', lazy: async () => ({ Component: (await import('./phase-report-page.js')).PhaseReportPage }) },
    { path: 'kiem-duyet-binh-luan', element: <ModerationPage /> },
  ],
  englishAliases: [
    ['initiatives', '/thu-vien-sang-kien'],
    ['initiatives/submit', '/sang-kien/nop'],
    ['initiatives/mine', '/sang-kien/cua-toi'],
    ['initiatives/manage', '/quan-ly-sang-kien'],
    ['reviews', '/cham-diem'],
    ['councils', '/hoi-dong-sang-kien'],
    ['councils/new', '/hoi-dong-sang-kien/thanh-lap'],
    ['campaigns', '/phong-trao'],
    ['campaigns/launch', '/phong-trao/phat-dong'],
    ['moderation', '/kiem-duyet-binh-luan'],
  ],
  nav: [
    { to: '/thu-vien-sang-kien', label: 'movement.nav' },
    { to: '/phong-trao', label: 'movement.campaign.listTitle' },
  ],
};
