/** The administration pages' paths (Vietnamese, like every client path). */
export const adminPaths = {
  home: '/quan-tri',
  units: '/quan-tri/don-vi',
  users: '/quan-tri/tai-khoan',
  audit: '/quan-tri/nhat-ky',
} as const;
