-- The English name of Giấy khen carried the Vietnamese term in brackets, which an English page then showed unmarked.
-- It is the certificate of merit a unit head gives (Law on Emulation and Commendation 2022); the Vietnamese name stays in name_vi.
UPDATE "commendation_titles" SET "name_en" = 'Certificate of merit of a unit head' WHERE "code" = 'GIAY_KHEN' AND "name_en" = 'Certificate of merit (Giấy khen)';
