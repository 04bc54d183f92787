// The price preview a buyer sees before holding. It mirrors the server's Pricing rules (integer pesos, early
// bird replaces the list price before its deadline, group discount rounds half up); the hold's answer is final.

export function earlyBirdActive(tier, now = Date.now()) {
  return tier.earlyBirdPrice != null && tier.earlyBirdDeadline != null && now < Date.parse(tier.earlyBirdDeadline);
}

export function unitPrice(tier, quantity, now = Date.now()) {
  let unit = earlyBirdActive(tier, now) ? tier.earlyBirdPrice : tier.price;
  if (tier.groupDiscountThreshold != null && tier.groupDiscountPercentage > 0 && quantity >= tier.groupDiscountThreshold) {
    unit = Math.floor((unit * (100 - tier.groupDiscountPercentage) + 50) / 100);
  }
  return unit;
}

export function quote(tier, quantity, now = Date.now()) {
  const unit = unitPrice(tier, quantity, now);
  return { unit, total: unit * quantity, earlyBird: earlyBirdActive(tier, now),
    group: tier.groupDiscountThreshold != null && quantity >= tier.groupDiscountThreshold };
}

/** Whether the tier's own sales window is open now (the event must also be on sale). */
export function inSalesWindow(tier, now = Date.now()) {
  return (tier.salesStart == null || now >= Date.parse(tier.salesStart))
    && (tier.salesEnd == null || now < Date.parse(tier.salesEnd));
}
