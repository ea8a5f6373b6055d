import { describe, expect, it } from 'vitest';
import { holds, rowsAround, rowsInView, rowsPerPage, scrollTopShowing, type RowRange, type Viewport } from '../../renderer/src/components/row-window';

// Rows of 10 px under a 10 px header, in a box 50 px tall: four rows in view at a time.
const geometry = { rowHeight: 10, headerHeight: 10, overscan: 2 };
const view = (scrollTop: number, height = 50): Viewport => ({ scrollTop, height });

describe('the rows a virtualised grid has in view', () => {
  it.each<[string, Viewport, number, RowRange]>([
    ['at the top: the rows below the header', view(0), 100, { first: 0, end: 4 }],
    ['scrolled by whole rows', view(30), 100, { first: 3, end: 7 }],
    ['scrolled half a row: the one half under the header and the one half at the bottom count', view(35), 100, { first: 3, end: 8 }],
    ['at the end', view(960), 100, { first: 96, end: 100 }],
    ['scrolled past the end (the rows just shrank): as at the end', view(5000), 100, { first: 96, end: 100 }],
    ['fewer rows than the box holds', view(0), 2, { first: 0, end: 2 }],
    ['no rows', view(0), 0, { first: 0, end: 0 }],
    ['a box not laid out yet', view(0, 0), 100, { first: 0, end: 0 }],
  ])('%s', (_case, viewport, count, expected) => {
    expect(rowsInView(viewport, count, geometry)).toEqual(expected);
  });

  it('renders the overscan rows around them, within the rows there are', () => {
    expect(rowsAround({ first: 3, end: 7 }, 100, geometry)).toEqual({ first: 1, end: 9 });
    expect(rowsAround({ first: 0, end: 4 }, 100, geometry)).toEqual({ first: 0, end: 6 });
    expect(rowsAround({ first: 96, end: 100 }, 100, geometry)).toEqual({ first: 94, end: 100 });
  });

  it('needs no new render while the rendered rows still hold every row in view', () => {
    const rendered = rowsAround(rowsInView(view(30), 100, geometry), 100, geometry);
    expect(holds(rendered, rowsInView(view(45), 100, geometry))).toBe(true);
    expect(holds(rendered, rowsInView(view(10), 100, geometry))).toBe(true);
    expect(holds(rendered, rowsInView(view(55), 100, geometry))).toBe(false);
    expect(holds(rendered, rowsInView(view(0), 100, geometry))).toBe(false);
  });

  it('pages by the whole rows the box shows, at least one', () => {
    expect(rowsPerPage(50, geometry)).toBe(4);
    expect(rowsPerPage(55, geometry)).toBe(4);
    expect(rowsPerPage(5, geometry)).toBe(1);
  });

  it.each<[string, number, Viewport, number]>([
    ['a row in view: no scroll', 4, view(20), 20],
    ['a row above the view: it comes just below the header', 1, view(30), 10],
    ['a row below the view: it comes to the bottom', 9, view(0), 60],
    ['a row half under the header', 2, view(25), 20],
    ['a row half off the bottom', 6, view(25), 30],
  ])('scrolls a row into view as little as it can: %s', (_case, index, viewport, expected) => {
    expect(scrollTopShowing(index, viewport, geometry)).toBe(expected);
  });
});
