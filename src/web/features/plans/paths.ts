/** The feature's pages; plan codes contain "/", so they are encoded as one path segment. */
export const planPaths = {
  plan: (code: string) => `/ke-hoach/${encodeURIComponent(code)}`,
  tasks: (code: string) => `/ke-hoach/${encodeURIComponent(code)}/nhiem-vu`,
  assign: (code: string) => `/ke-hoach/${encodeURIComponent(code)}/giao-nhiem-vu`,
  scorecard: (code: string) => `/ke-hoach/${encodeURIComponent(code)}/bang-danh-gia`,
  timeline: (code: string) => `/ke-hoach/${encodeURIComponent(code)}/tien-do`,
  task: (id: string) => `/nhiem-vu/${id}`,
  myTasks: '/nhiem-vu-cua-don-vi',
  plans: '/ke-hoach',
};

/** The plan code from the route, whether or not the router already decoded "%2F". */
export function planCodeParam(value: string | undefined): string {
  const raw = value ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
