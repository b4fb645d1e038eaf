/** A licence as CKAN's licence list describes it (`license_list`, `ckan.licenses_group_url`). */
export type Licence = {
  id: string;
  title: string;
  url: string;
  od_conformance: 'approved' | 'not reviewed' | 'rejected';
  osd_conformance: 'approved' | 'not reviewed' | 'rejected';
  status: 'active';
  maintainer: string;
  family: string;
  domain_content: boolean;
  domain_data: boolean;
  domain_software: boolean;
  is_generic?: boolean;
};

const open = (id: string, title: string, url: string, maintainer: string): Licence => ({
  id,
  title,
  url,
  od_conformance: 'approved',
  osd_conformance: 'not reviewed',
  status: 'active',
  maintainer,
  family: '',
  domain_content: true,
  domain_data: true,
  domain_software: false,
});

/** Open data is published under CC BY 4.0 unless its publisher chooses another licence. */
export const defaultOpenLicenceId = 'CC-BY-4.0';
/** Shared and private data are not open: their terms are the publisher's. */
export const closedLicenceId = 'other-closed';

/** The licences a dataset may carry: the common open ones by their SPDX ids, and CKAN's generic entries. */
export const licences: readonly Licence[] = [
  open('CC-BY-4.0', 'Creative Commons Attribution 4.0', 'https://creativecommons.org/licenses/by/4.0/', 'Creative Commons'),
  open(
    'CC-BY-SA-4.0',
    'Creative Commons Attribution Share-Alike 4.0',
    'https://creativecommons.org/licenses/by-sa/4.0/',
    'Creative Commons',
  ),
  open('CC0-1.0', 'Creative Commons CCZero 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/', 'Creative Commons'),
  open('ODC-BY-1.0', 'Open Data Commons Attribution License 1.0', 'https://opendatacommons.org/licenses/by/1-0/', 'Open Data Commons'),
  open('ODbL-1.0', 'Open Data Commons Open Database License 1.0', 'https://opendatacommons.org/licenses/odbl/1-0/', 'Open Data Commons'),
  open(
    'PDDL-1.0',
    'Open Data Commons Public Domain Dedication and License 1.0',
    'https://opendatacommons.org/licenses/pddl/1-0/',
    'Open Data Commons',
  ),
  { ...open('other-open', 'Other (Open)', '', ''), domain_data: false, is_generic: true },
  {
    ...open('other-closed', 'Other (Not Open)', '', ''),
    od_conformance: 'not reviewed',
    domain_data: false,
    is_generic: true,
  },
];

export const licenceById = (id: string): Licence | undefined => licences.find((licence) => licence.id === id);

/** Open in the Open Definition's sense: what CKAN reports as `isopen`. */
export const isOpenLicence = (id: string): boolean => licenceById(id)?.od_conformance === 'approved';
