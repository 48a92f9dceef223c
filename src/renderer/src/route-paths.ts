// The hash routes live in src/shared (main builds them too: deep links and
// notifications open items); the renderer's modules import them from here.
export * from '../../shared/route-paths';
