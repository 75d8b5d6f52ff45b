# Dates as Norwegians write them: "1. desember 2026", "1. desember 2026 kl. 08:00".
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "j. F Y \\k\\l. H:i"
SHORT_DATE_FORMAT = "d.m.Y"
