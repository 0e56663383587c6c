from ipcsreader.model import Author
from ipcsreader.names import (
    fold,
    is_name_like,
    leading_names,
    split_authors,
    split_honorific,
    without_own_byline,
)


def test_split_honorific():
    assert split_honorific("Dr Sandip Mishra") == ("Dr", "Sandip Mishra")
    assert split_honorific("Dr. Arvind Gupta") == ("Dr.", "Arvind Gupta")
    assert split_honorific("Vice Admiral Vijay Shankar") == ("Vice Admiral", "Vijay Shankar")
    assert split_honorific("Lt Gen (Retd.) Kiran Sethi") == ("Lt Gen (Retd.)", "Kiran Sethi")
    assert split_honorific("Amb TCA Rangachari") == ("Amb", "TCA Rangachari")
    assert split_honorific("D Suba Chandran") == (None, "D Suba Chandran")
    assert split_honorific("Vice Admiral (Retd.)") == ("Vice Admiral (Retd.)", "")


def test_fold():
    assert fold("Communiqué ÉTAT") == "communique etat"


def test_is_name_like():
    assert is_name_like("Harun ur Rashid")
    assert is_name_like("P.R. Chari")
    assert not is_name_like("The Indian Ocean")
    assert not is_name_like("Forecast 2016: East Asia")
    assert not is_name_like("it is a name")
    # A title's small words capitalised are no part of a name; a given name that is
    # such a word elsewhere ("An") still is.
    assert not is_name_like("Harbours Without Ships")
    assert not is_name_like("Pirates Of The Strait")
    assert is_name_like("Nguyen Van An")


def test_split_authors():
    assert split_authors("Dr Anil Verma and Sara Qureshi") == ["Dr Anil Verma", "Sara Qureshi"]
    assert split_authors("Centre for Land and Sea") == ["Centre for Land and Sea"]


def test_leading_names_from_teasers():
    assert leading_names("Dr Vijay Sakhuja analyses the Chinese interests") == [
        Author("Vijay Sakhuja", honorific="Dr")
    ]
    assert leading_names("Professor Shankari Sundararaman takes stock of it") == [
        Author("Shankari Sundararaman", honorific="Professor")
    ]
    assert leading_names("D Suba Chandran analyses the future") == [Author("D Suba Chandran")]
    assert leading_names("Dr Vijay Sakhhuja comments on the attacks") == [
        Author("Vijay Sakhhuja", honorific="Dr")
    ]
    assert leading_names("A Rao and Harun ur Rashid analyse the talks") == [
        Author("A Rao"),
        Author("Harun ur Rashid"),
    ]


def test_leading_names_ignores_teasers_without_a_byline():
    assert leading_names("The Indian Ocean States meet again") == []
    assert leading_names("New Delhi and Beijing talk again") == []
    assert leading_names("") == []


def test_a_teaser_opening_with_its_own_byline_is_read_without_it():
    mishra = ["Sandip Kumar Mishra"]
    teaser = "Dr Sandip Kumar Mishra argues that the policy has failed"
    assert without_own_byline(teaser, mishra) == "argues that the policy has failed"
    both = ["Harun ur Rashid", "A Rao"]
    assert without_own_byline("A Rao and Harun ur Rashid analyse the talks", both) == (
        "analyse the talks"
    )


def test_a_teaser_naming_someone_else_is_kept_whole():
    teaser = "Dr Vijay Sakhuja analyses the Chinese interests"
    assert without_own_byline(teaser, ["Sandip Kumar Mishra"]) == teaser
    assert without_own_byline(teaser, []) == teaser
    # One of the two named is no author of the article: the line says more than the byline.
    two = "A Rao and Harun ur Rashid analyse the talks"
    assert without_own_byline(two, ["A Rao"]) == two
    assert without_own_byline("The Indian Ocean States meet again", ["A Rao"]) == (
        "The Indian Ocean States meet again"
    )
