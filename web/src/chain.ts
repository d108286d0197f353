import type { Relay, Statement } from '../../src/model/types.js';
import { svg } from './dom.js';

export interface ChainNode {
  readonly name: string;
  /** speaker | interview | relay | outlet | document | post */
  readonly role: string;
}

/** The relay chain of a statement, speaker first: speaker → innermost relay → … → the publishing outlet. */
export function chainOf(statement: Statement, outlet: string | null): ChainNode[] {
  const speaker = statement.speaker?.name ?? statement.source?.text ?? 'unknown speaker';
  const nodes: ChainNode[] = [{ name: speaker, role: 'speaker' }];
  for (const relay of statement.via as readonly Relay[]) nodes.push({ name: relay.name, role: relay.role });
  nodes.push({ name: outlet ?? 'this article', role: 'outlet' });
  return nodes;
}

const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 44;
const GAP = 34;

/** Draws a chain as a row of labelled boxes joined by arrows; names are SVG text nodes, never markup. */
export function chainGraph(nodes: readonly ChainNode[], label: string): SVGSVGElement {
  const widths = nodes.map((node) => Math.max(84, Math.min(220, Math.max(node.name.length, node.role.length) * CHAR_WIDTH + 20)));
  const total = widths.reduce((sum, width) => sum + width, 0) + GAP * Math.max(0, nodes.length - 1) + 4;
  const height = NODE_HEIGHT + 8;
  const root = svg('svg', { class: 'chain', viewBox: `0 0 ${total} ${height}`, role: 'img', 'aria-label': label, width: total, height });
  root.append(
    svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))),
  );
  let x = 2;
  nodes.forEach((node, index) => {
    const width = widths[index] ?? 84;
    const name = node.name.length * CHAR_WIDTH + 20 > width ? `${node.name.slice(0, Math.floor((width - 26) / CHAR_WIDTH))}…` : node.name;
    root.append(
      svg(
        'g',
        { class: `chain-node role-${node.role}` },
        svg('title', {}, `${node.role}: ${node.name}`),
        svg('rect', { x, y: 4, width, height: NODE_HEIGHT, rx: 8 }),
        svg('text', { x: x + width / 2, y: 22, 'text-anchor': 'middle', class: 'chain-name' }, name),
        svg('text', { x: x + width / 2, y: 38, 'text-anchor': 'middle', class: 'chain-role' }, node.role),
      ),
    );
    if (index < nodes.length - 1) {
      root.append(svg('line', { x1: x + width + 2, y1: 4 + NODE_HEIGHT / 2, x2: x + width + GAP - 3, y2: 4 + NODE_HEIGHT / 2, class: 'chain-edge', 'marker-end': 'url(#arrow)' }));
    }
    x += width + GAP;
  });
  return root;
}
