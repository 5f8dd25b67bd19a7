"""`chuongtrinh new`: next period's programme from the last one, or a starter."""
