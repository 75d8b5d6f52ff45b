# British order, as the shop's English is: "1 December 2026", "1 December 2026, 08:00".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
