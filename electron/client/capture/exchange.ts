/** The exchange record is shared with the renderer (the traffic inspector): see shared/traffic/exchange.ts. */
export type * from '../../../shared/traffic/exchange';
