-- A payment that arrives after its hold ended sells from what is still available; when the hold was priced with a
-- code, the code counts that use again (or the payment is refunded, when the code has no uses left). late_sale_at marks
-- such a use: its hold shows 'expired' or 'released' until the sale's commit converts it, so a reloading code grain
-- must not give the use back for that, only its check at the deadline may (when the sale never came).
ALTER TABLE promo_code_uses ADD COLUMN late_sale_at timestamptz;
