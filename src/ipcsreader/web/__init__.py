"""The only code that speaks HTTP: fetching articles and walking the site's listings.

``fetch`` is the polite client (robots.txt, one request a second, retries, size caps) and
saves pages unchanged; ``sync`` walks listings newest first and fetches what is missing.
"""
