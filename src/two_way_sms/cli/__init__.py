"""The `two-way-sms` operator command line (see README.md in this folder).

main.py builds the parser; each subcommand is a `*_command.py` module (doctor, enable,
send-inbound, workspace). The rules are two_way_sms.delivery's and their fixes
two_way_sms.doctor's (both pure); this package reads AWS for them (aws_reader.py, read-only)
and prints them (check_report.py).
"""
