"""Money documents: invoices, receipts and credit notes (bokføringsforskriften),
their gap-free numbers, KID numbers and PDFs; refunds, which issue credit notes."""
