/** The line icons' SVG paths (24×24), kept apart from the component so pure modules can name icons. */
export const ICON_PATHS = {
  crown: 'M3 18h18l-1.5-10-4.5 4-3-6-3 6-4.5-4z',
  host: 'M4 4h16v6H4zM4 14h16v6H4zM7 7h2M7 17h2',
  plus: 'M12 5v14M5 12h14',
  trash: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13',
  stopped: 'M7 7h10v10H7z',
  running: 'M8 5l11 7-11 7z',
  problem: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  locked: 'M6 11h12v9H6zM9 11V8a3 3 0 0 1 6 0v3',
  folder: 'M3 6h7l2 2h9v11H3z',
  group: 'M3 5h8l2 2h8v12H3z',
  arrow: 'M4 12h14M13 6l6 6-6 6',
  sync: 'M20 12a8 8 0 0 1-14 5.7M4 12a8 8 0 0 1 14-5.7M18 3v3.3h-3.3M6 21v-3.3h3.3',
  pause: 'M8 5v14M16 5v14',
  cross: 'M6 6l12 12M18 6L6 18',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  chevron: 'M9 6l6 6-6 6',
  rewind: 'M11 6L4 12l7 6zM20 6l-7 6 7 6z',
  bookmark: 'M7 3h10v18l-5-4-5 4z',
  camera: 'M4 8h3l2-3h6l2 3h3v11H4zM12 10.5a3 3 0 1 0 0 6 3 3 0 1 0 0-6',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  media: 'M4 4h16v16H4zM12 9a3 3 0 1 0 0 6 3 3 0 1 0 0-6M12 11.5v1',
  session: 'M3 4h18v4H3zM5 8v12h14V8M10 12h4',
  volume: 'M2 14h20v6H2zM6 17h2M5 14l3-9h8l3 9',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 3',
} as const;

export type IconName = keyof typeof ICON_PATHS;
