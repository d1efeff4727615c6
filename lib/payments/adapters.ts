import { lemonSqueezyAdapter } from "./lemonsqueezy-adapter";
import type { PaymentAdapter, PaymentProvider } from "./payment-event";
import { polarAdapter } from "./polar-adapter";
import { stripeAdapter } from "./stripe-adapter";

export const PAYMENT_ADAPTERS: Record<PaymentProvider, PaymentAdapter> = {
  stripe: stripeAdapter,
  lemonsqueezy: lemonSqueezyAdapter,
  polar: polarAdapter,
};
