import { receiveProviderDelivery } from "../provider-route";

export const dynamic = "force-dynamic";

// Authenticated by the provider's signature; GitHub is never called inside the request.
export const POST = (request: Request) => receiveProviderDelivery("polar", request);
