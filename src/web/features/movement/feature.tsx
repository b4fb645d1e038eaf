import type { WebFeature } from '../../app/web-feature.js';
import { CertificatePage } from './certificate-page.js';
import { CouncilPage, CouncilsPage } from './council-pages.js';
import { DossierPage } from './dossier-page.js';
import { GalleryPage } from './gallery-page.js';
import { ManagePage, MyInitiativesPage } from './list-pages.js';
import { PublicInitiativePage } from './public-initiative-page.js';
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
  ],
  englishAliases: [
    ['initiatives', '/thu-vien-sang-kien'],
    ['initiatives/submit', '/sang-kien/nop'],
    ['initiatives/mine', '/sang-kien/cua-toi'],
    ['initiatives/manage', '/quan-ly-sang-kien'],
    ['reviews', '/cham-diem'],
    ['councils', '/hoi-dong-sang-kien'],
  ],
  nav: [{ to: '/thu-vien-sang-kien', label: 'movement.nav' }],
};
