import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { movementPaths } from './paths.js';

/** Pages, aliases and navigation of this feature. */
export const movementFeature: WebFeature = {
  routes: [
    { path: 'thu-vien-sang-kien', ...lazyPage(() => import('./gallery-page.js'), 'GalleryPage') },
    { path: 'thu-vien-sang-kien/:id', ...lazyPage(() => import('./public-initiative-page.js'), 'PublicInitiativePage') },
    { path: 'sang-kien/nop', ...lazyPage(() => import('./submit-page.js'), 'SubmitPage') },
    { path: 'sang-kien/cua-toi', ...lazyPage(() => import('./list-pages.js'), 'MyInitiativesPage') },
    { path: 'sang-kien/:id', ...lazyPage(() => import('./dossier-page.js'), 'DossierPage') },
    { path: 'sang-kien/:id/sua', ...lazyPage(() => import('./submit-page.js'), 'SubmitPage') },
    { path: 'quan-ly-sang-kien', ...lazyPage(() => import('./list-pages.js'), 'ManagePage') },
    { path: 'cham-diem', ...lazyPage(() => import('./review-pages.js'), 'ReviewsPage') },
    { path: 'cham-diem/:id', ...lazyPage(() => import('./review-pages.js'), 'ScorePage') },
    { path: 'hoi-dong-sang-kien', ...lazyPage(() => import('./council-pages.js'), 'CouncilsPage') },
    { path: 'hoi-dong-sang-kien/thanh-lap', ...lazyPage(() => import('./council-setup-page.js'), 'CouncilSetupPage') },
    { path: 'hoi-dong-sang-kien/:id', ...lazyPage(() => import('./council-pages.js'), 'CouncilPage') },
    { path: 'giay-chung-nhan/:id', ...lazyPage(() => import('./certificate-page.js'), 'CertificatePage') },
    { path: 'phong-trao', ...lazyPage(() => import('./campaign-pages.js'), 'CampaignsPage') },
    { path: 'phong-trao/phat-dong', ...lazyPage(() => import('./launch-campaign-page.js'), 'LaunchCampaignPage') },
    { path: 'phong-trao/:code', ...lazyPage(() => import('./campaign-pages.js'), 'CampaignPage') },
    { path: 'dang-ky-thi-dua/:phaseId', ...lazyPage(() => import('./registration-page.js'), 'RegistrationPage') },
    { path: 'bao-cao-giai-doan/:phaseId', ...lazyPage(() => import('./phase-report-page.js'), 'PhaseReportPage') },
    { path: 'kiem-duyet-binh-luan', ...lazyPage(() => import('./moderation-page.js'), 'ModerationPage') },
  ],
  englishAliases: [
    ['initiatives', movementPaths.gallery],
    ['initiatives/submit', movementPaths.submit],
    ['initiatives/mine', movementPaths.mine],
    ['initiatives/manage', movementPaths.manage],
    ['reviews', movementPaths.reviews],
    ['councils', movementPaths.councils],
    ['councils/new', movementPaths.newCouncil],
    ['campaigns', movementPaths.campaigns],
    ['campaigns/launch', movementPaths.launch],
    ['moderation', movementPaths.moderation],
  ],
  nav: [
    { to: movementPaths.gallery, label: 'movement.nav' },
    { to: movementPaths.campaigns, label: 'movement.campaign.listTitle' },
  ],
};
