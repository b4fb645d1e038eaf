import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { movementPaths } from './paths.js';

/** Pages, aliases and navigation of this feature. */
export const movementFeature: WebFeature = {
  routes: [
    { path: 'thu-vien-sang-kien', ...lazyPage(() => import('./gallery-page.js'), 'GalleryPage', ['movement']) },
    { path: 'thu-vien-sang-kien/:id', ...lazyPage(() => import('./public-initiative-page.js'), 'PublicInitiativePage', ['movement']) },
    { path: 'sang-kien/nop', ...lazyPage(() => import('./submit-page.js'), 'SubmitPage', ['movement']) },
    { path: 'sang-kien/cua-toi', ...lazyPage(() => import('./list-pages.js'), 'MyInitiativesPage', ['movement']) },
    { path: 'sang-kien/:id', ...lazyPage(() => import('./dossier-page.js'), 'DossierPage', ['movement']) },
    { path: 'sang-kien/:id/sua', ...lazyPage(() => import('./submit-page.js'), 'SubmitPage', ['movement']) },
    { path: 'quan-ly-sang-kien', ...lazyPage(() => import('./list-pages.js'), 'ManagePage', ['movement']) },
    { path: 'cham-diem', ...lazyPage(() => import('./review-pages.js'), 'ReviewsPage', ['movement']) },
    { path: 'cham-diem/:id', ...lazyPage(() => import('./review-pages.js'), 'ScorePage', ['movement']) },
    { path: 'hoi-dong-sang-kien', ...lazyPage(() => import('./council-pages.js'), 'CouncilsPage', ['movement']) },
    { path: 'hoi-dong-sang-kien/thanh-lap', ...lazyPage(() => import('./council-setup-page.js'), 'CouncilSetupPage', ['movement']) },
    { path: 'hoi-dong-sang-kien/:id', ...lazyPage(() => import('./council-pages.js'), 'CouncilPage', ['movement']) },
    { path: 'hoi-dong-sang-kien/:id/sua', ...lazyPage(() => import('./council-setup-page.js'), 'CouncilEditPage', ['movement']) },
    { path: 'giay-chung-nhan/:id', ...lazyPage(() => import('./certificate-page.js'), 'CertificatePage', ['movement']) },
    { path: 'phong-trao', ...lazyPage(() => import('./campaign-pages.js'), 'CampaignsPage', ['movement']) },
    { path: 'phong-trao/phat-dong', ...lazyPage(() => import('./launch-campaign-page.js'), 'LaunchCampaignPage', ['movement']) },
    { path: 'phong-trao/:code', ...lazyPage(() => import('./campaign-pages.js'), 'CampaignPage', ['movement']) },
    { path: 'phong-trao/:code/sua', ...lazyPage(() => import('./edit-campaign-page.js'), 'EditCampaignPage', ['movement']) },
    { path: 'dang-ky-thi-dua/:phaseId', ...lazyPage(() => import('./registration-page.js'), 'RegistrationPage', ['movement']) },
    { path: 'bao-cao-giai-doan/:phaseId', ...lazyPage(() => import('./phase-report-page.js'), 'PhaseReportPage', ['movement']) },
    { path: 'kiem-duyet-binh-luan', ...lazyPage(() => import('./moderation-page.js'), 'ModerationPage', ['movement']) },
  ],
  nav: [
    // One entry: the gallery, whose header leads to the campaigns and to submitting an initiative.
    { to: movementPaths.gallery, label: 'nav.movement' },
  ],
};
