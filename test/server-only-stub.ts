// `server-only` throws outside a React Server environment; tests call lib/ directly.
export {};
