// Types for ./client-address.mjs.
export declare function parseTrustProxy(value: string | undefined): 'off' | number;
export declare function clientAddressFrom(peer: string | null, forwardedFor: string | null, trust: 'off' | number): string | null;
