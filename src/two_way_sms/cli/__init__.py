"""The `two-way-sms` operator command line (see README.md in this folder).

main.py builds the parser; each subcommand is a `*_command.py` module (doctor, enable,
send-inbound, workspace). The checks are two_way_sms.delivery_checks (pure); this package reads
AWS for them (aws_reader.py, read-only) and prints them (check_report.py).
"""
