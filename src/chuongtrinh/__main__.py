from chuongtrinh.cli import main

main()
