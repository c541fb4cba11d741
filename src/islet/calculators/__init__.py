"""Clinician calculators: AJCC 8th staging (``staging``) and WHO 2019 grading (``grading``)."""
