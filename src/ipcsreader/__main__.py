from ipcsreader.cli import main

main()
