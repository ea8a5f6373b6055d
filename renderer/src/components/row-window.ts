/**
 * Which rows of a virtualised grid are in the page: rows of one height under a sticky header
 * row, in a scrolling box. Pure arithmetic, so VirtualGrid only reads the box and renders.
 */

export interface GridGeometry {
  /** Every row's height, px (the header row's too). */
  rowHeight: number;
  /** The sticky header's height, px: the rows start below it and scroll under it. */
  headerHeight: number;
  /** Rows rendered above and below the view, so short scrolls need no new render. */
  overscan: number;
}

/** What the scrolling box shows: how far it is scrolled and how tall it is, px. */
export interface Viewport {
  scrollTop: number;
  height: number;
}

/** Rows `first` to `end` (exclusive), by index in the grid's rows. */
export interface RowRange {
  first: number;
  end: number;
}

/** The rows at least partly in view below the header (a scroll past the end counts as at the end). */
export function rowsInView(viewport: Viewport, count: number, geometry: GridGeometry): RowRange {
  const { rowHeight, headerHeight } = geometry;
  const maxScroll = Math.max(0, headerHeight + count * rowHeight - viewport.height);
  const scrollTop = Math.min(maxScroll, Math.max(0, viewport.scrollTop));
  const first = Math.min(count, Math.floor(scrollTop / rowHeight));
  const end = Math.min(count, Math.max(first, Math.ceil((scrollTop + viewport.height - headerHeight) / rowHeight)));
  return { first, end };
}

/** The rows to render for a view: those in it and `overscan` more on each side. */
export function rowsAround(inView: RowRange, count: number, geometry: GridGeometry): RowRange {
  return { first: Math.max(0, inView.first - geometry.overscan), end: Math.min(count, inView.end + geometry.overscan) };
}

/** Whether the rendered rows still hold every row in view (then scrolling needs no render). */
export function holds(rendered: RowRange, inView: RowRange): boolean {
  return rendered.first <= inView.first && inView.end <= rendered.end;
}

/** How many whole rows the view shows: a Page Up/Down step. */
export function rowsPerPage(height: number, geometry: GridGeometry): number {
  return Math.max(1, Math.floor((height - geometry.headerHeight) / geometry.rowHeight));
}

/** The scroll position that shows row `index` whole, moving as little as possible (none when it is in view). */
export function scrollTopShowing(index: number, viewport: Viewport, geometry: GridGeometry): number {
  const { rowHeight, headerHeight } = geometry;
  const atTop = index * rowHeight;
  const atBottom = headerHeight + (index + 1) * rowHeight - viewport.height;
  if (viewport.scrollTop > atTop) return atTop;
  if (viewport.scrollTop < atBottom) return atBottom;
  return viewport.scrollTop;
}
