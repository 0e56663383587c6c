"""Word lists for the synthetic corpus (written for this benchmark).

The generator ranks these words into a Zipf-like distribution: function words first,
then the general and policy vocabulary, then a long tail of made-up rare words. Topic
lists hold the places, people and terms that make one article about one thing, so that
a query like "North Korea" matches a realistic share of the archive, not all of it.
Multi-word entries ("Line of Control") are emitted as one unit so phrases occur.
"""

from __future__ import annotations

from ipcsreader import model


def _split(text: str) -> list[str]:
    return text.split()


FUNCTION = _split("""
the of and to in a is that for on as with by it was be has its are this from at have not which
an will would their or also had been more but they his there can its has could such other than
into these after while over between both may should its however about only those who when
what most some any all new been being were one two three must under against during since
within without through before because even still further if so then them it’s our we us
""")

GENERAL = _split("""
government state country region policy security relations development issue support
political economic military strategic national international regional foreign domestic
public president minister leadership power process situation interest interests role
question approach position response decision agreement cooperation dialogue talks
meeting visit summit conference report analysis perspective context challenge challenges
opportunity opportunities concern concerns threat threats problem problems crisis
conflict peace violence attack attacks force forces army navy troops operation operations
border borders territory area areas province district capital city cities village
people population community communities society group groups party parties leader leaders
election elections vote parliament assembly constitution reform reforms law laws court
economy trade investment growth market markets energy infrastructure project projects
aid assistance budget resources water oil gas power supply supplies corridor corridors
strategy strategies framework mechanism institutions institution organisation agency
official officials administration regime authorities authority establishment bureaucracy
statement announcement initiative initiatives proposal proposals commitment commitments
understanding perception perceptions narrative narratives debate debates discourse
history historical recent current future present past year years month months decade
week weeks period time times phase stage level levels number numbers rate share
important significant major key critical serious possible likely clear strong weak
large small long short high low new old first second third last next early late
recent likely unlikely difficult necessary effective limited wider broader greater
increasing growing rising declining continuing ongoing potential possible actual
internal external bilateral multilateral trilateral global local central eastern
western northern southern maritime nuclear conventional civilian armed hostile friendly
mutual common collective individual economic social cultural religious ethnic
sectarian democratic authoritarian federal provincial administrative legal
however moreover therefore although despite instead rather indeed already again
recently currently clearly largely merely particularly especially increasingly
likely perhaps also only just simply quickly slowly directly
seek seeks seeking sought aim aims aimed try tries trying tried need needs needed
make makes making made take takes taking taken give gives giving given see seen
remain remains remained continue continues continued become becomes became
ensure ensures address addresses addressed improve improves improved
increase increases increased reduce reduces reduced maintain maintains maintained
establish established strengthen strengthened expand expanded promote promoted
protect protected prevent prevented resolve resolved negotiate negotiated
emerge emerged emerging reflect reflects reflected suggest suggests suggested
indicate indicates indicated argue argues argued note notes noted
consider considers considered expect expects expected remain remaining
allow allows allowed provide provides provided include includes included
involve involves involved lead leads led follow follows followed
announce announced claim claimed deny denied accuse accused warn warned
deploy deployed launch launched conduct conducted carry carried
signed sign signing held hold holding raise raised raising
view views fact facts case cases way ways part parts point points side sides
end result results effect effects impact impacts factor factors aspect aspects
element elements basis terms term nature extent degree manner form forms
move moves step steps effort efforts attempt attempts action actions measure measures
change changes shift shifts trend trends pattern patterns balance order
pressure pressures tension tensions rivalry competition influence presence
capacity capability capabilities advantage advantages cost costs price prices
benefit benefits gain gains loss losses risk risks stake stakes priority priorities
neighbour neighbours neighbourhood partner partners partnership alliance allies
ally friend friends adversary adversaries rival rivals enemy
media press newspaper reports sources observers analysts experts scholars
world countries nations nation states governments citizens youth women children
land sea air space cyber coast coastal island islands ocean waters port ports
road roads rail railway highway bridge dam river rivers valley mountain mountains
budgetary fiscal monetary financial commercial industrial agricultural rural urban
migration refugees displacement humanitarian rights justice accountability
governance corruption transparency stability instability legitimacy sovereignty
integrity unity identity nationalism federalism secularism democracy
""")

SECURITY = _split("""
terrorism terrorist terrorists militancy militant militants insurgency insurgent
insurgents extremism extremist extremists radicalisation jihadi jihadist
counter-terrorism counter-insurgency ceasefire infiltration cross-border
deterrence deterrent escalation de-escalation brinkmanship coercion
missile missiles ballistic cruise warhead warheads arsenal arsenals
enrichment uranium plutonium reactor reactors fissile non-proliferation
proliferation disarmament denuclearisation safeguards sanctions embargo
intelligence surveillance reconnaissance espionage
submarine submarines aircraft carrier warship warships frigate destroyer
patrol patrols exercise exercises drill drills interoperability
fighter jets helicopter helicopters drone drones artillery infantry
paramilitary police commandos battalion brigade division regiment
encounter encounters ambush ambushes bombing bombings blast blasts
casualties fatalities killed injured abducted kidnapping hostage
surrender rehabilitation amnesty negotiations mediation reconciliation
peacekeeping peacebuilding confidence-building verification
hotline flag meeting standoff face-off incursion incursions transgression
airspace airstrike airstrikes shelling firing skirmish skirmishes
cadres cadre outfit outfits faction factions splinter leadership commander
commanders recruitment financing funding safe havens sanctuary sanctuaries
hybrid asymmetric proxy proxies grey-zone coercive kinetic
doctrine posture preparedness modernisation procurement indigenisation
""")

# name -> region line used on old-layout pages; topic terms follow.
TOPICS: dict[str, tuple[str, list[str]]] = {
    "china": (
        "China",
        [
            "China",
            "Beijing",
            "Chinese",
            "Xi Jinping",
            "PLA",
            "Tibet",
            "Xinjiang",
            "Taiwan",
            "Hong Kong",
            "Belt and Road",
            "South China Sea",
            "CCP",
            "Shanghai",
            "Yunnan",
            "Doklam",
            "Galwan",
            "Aksai Chin",
            "Line of Actual Control",
            "Hu Jintao",
            "Wang Yi",
            "Li Keqiang",
            "PLA Navy",
            "Hambantota",
            "Gwadar",
        ],
    ),
    "pakistan": (
        "Pakistan",
        [
            "Pakistan",
            "Islamabad",
            "Rawalpindi",
            "Lahore",
            "Karachi",
            "ISI",
            "Nawaz Sharif",
            "Imran Khan",
            "Pervez Musharraf",
            "Balochistan",
            "Khyber Pakhtunkhwa",
            "FATA",
            "Waziristan",
            "Tehreek-e-Taliban",
            "Lashkar-e-Toiba",
            "Jaish-e-Mohammad",
            "Pakistan Army",
            "Punjab",
            "Sindh",
            "Zarb-e-Azb",
            "CPEC",
            "Raheel Sharif",
        ],
    ),
    "afghanistan": (
        "Afghanistan",
        [
            "Afghanistan",
            "Kabul",
            "Kandahar",
            "Taliban",
            "Afghan",
            "Ashraf Ghani",
            "Hamid Karzai",
            "Abdullah Abdullah",
            "Durand Line",
            "Helmand",
            "Herat",
            "Jalalabad",
            "Haqqani network",
            "Mullah Omar",
            "NATO",
            "ISAF",
            "Doha",
            "Mazar-i-Sharif",
            "Kunduz",
            "Bonn",
        ],
    ),
    "korea": (
        "East Asia",
        [
            "North Korea",
            "South Korea",
            "Pyongyang",
            "Seoul",
            "Kim Jong-un",
            "Kim Jong-il",
            "Korean Peninsula",
            "Moon Jae-in",
            "Park Geun-hye",
            "Six-Party Talks",
            "Japan",
            "Tokyo",
            "Shinzo Abe",
            "Korean",
            "Japanese",
            "Hwasong",
            "Yongbyon",
            "DPRK",
            "Trump",
            "Singapore summit",
            "THAAD",
            "Panmunjom",
        ],
    ),
    "nepal": (
        "Nepal",
        [
            "Nepal",
            "Kathmandu",
            "Madhesi",
            "Terai",
            "Maoists",
            "Prachanda",
            "Nepali Congress",
            "UML",
            "constituent assembly",
            "Himalayan",
            "monarchy",
            "Oli",
            "Deuba",
            "Lumbini",
            "Birgunj",
            "Janakpur",
        ],
    ),
    "srilanka": (
        "South Asia",
        [
            "Sri Lanka",
            "Colombo",
            "Jaffna",
            "Tamil",
            "Sinhalese",
            "LTTE",
            "Rajapaksa",
            "Sirisena",
            "Wickremesinghe",
            "Trincomalee",
            "Eelam",
            "Tamil Nadu",
            "Batticaloa",
            "Mullaitivu",
            "Palk Strait",
            "Kachchativu",
        ],
    ),
    "bangladesh": (
        "South Asia",
        [
            "Bangladesh",
            "Dhaka",
            "Sheikh Hasina",
            "Khaleda Zia",
            "Awami League",
            "BNP",
            "Jamaat-e-Islami",
            "Chittagong",
            "Rohingya",
            "Teesta",
            "Padma",
            "Sylhet",
            "land boundary agreement",
            "enclaves",
            "Cox's Bazar",
        ],
    ),
    "myanmar": (
        "Myanmar",
        [
            "Myanmar",
            "Naypyidaw",
            "Yangon",
            "Aung San Suu Kyi",
            "Tatmadaw",
            "Rakhine",
            "Kachin",
            "Shan",
            "NSCN-K",
            "Nagaland",
            "Manipur",
            "Mizoram",
            "Sittwe",
            "Kaladan",
            "Thein Sein",
            "Arakan Army",
        ],
    ),
    "maritime": (
        "Military & Defence",
        [
            "Indian Ocean",
            "Bay of Bengal",
            "Arabian Sea",
            "Strait of Malacca",
            "IORA",
            "Indian Navy",
            "coast guard",
            "piracy",
            "Sagarmala",
            "Andaman",
            "Nicobar",
            "Diego Garcia",
            "Seychelles",
            "Maldives",
            "Mauritius",
            "shipping",
            "sea lanes",
            "blue economy",
            "exclusive economic zone",
            "UNCLOS",
            "Chabahar",
        ],
    ),
    "nuclear": (
        "Nuclear",
        [
            "NPT",
            "CTBT",
            "FMCT",
            "IAEA",
            "NSG",
            "Agni",
            "Prithvi",
            "Shaheen",
            "Nasr",
            "Nirbhay",
            "no first use",
            "second strike",
            "tactical nuclear weapons",
            "Nuclear Suppliers Group",
            "fissile material",
            "Arihant",
            "minimum deterrence",
            "Iran",
            "Tehran",
            "JCPOA",
        ],
    ),
    "naxal": (
        "Naxalite Violence",
        [
            "CPI-Maoist",
            "Naxal",
            "Maoist",
            "Chhattisgarh",
            "Jharkhand",
            "Odisha",
            "Bastar",
            "Dantewada",
            "Sukma",
            "CRPF",
            "Salwa Judum",
            "Left Wing Extremism",
            "Gadchiroli",
            "Bihar",
            "West Bengal",
            "Lalgarh",
            "Greyhounds",
            "Andhra Pradesh",
        ],
    ),
    "kashmir": (
        "Jammu & Kashmir",
        [
            "Kashmir",
            "Jammu",
            "Srinagar",
            "Line of Control",
            "Hurriyat",
            "Ladakh",
            "Kargil",
            "Siachen",
            "Poonch",
            "Uri",
            "Pulwama",
            "Article 370",
            "Mehbooba Mufti",
            "Omar Abdullah",
            "Hizbul Mujahideen",
            "Gilgit-Baltistan",
        ],
    ),
    "seasia": (
        "Southeast Asia",
        [
            "ASEAN",
            "Indonesia",
            "Jakarta",
            "Vietnam",
            "Hanoi",
            "Philippines",
            "Manila",
            "Malaysia",
            "Kuala Lumpur",
            "Singapore",
            "Thailand",
            "Bangkok",
            "Indo-Pacific",
            "Look East",
            "Act East",
            "West Papua",
            "Mekong",
            "RCEP",
        ],
    ),
    "us": (
        "US & South Asia",
        [
            "United States",
            "Washington",
            "Obama",
            "Pentagon",
            "State Department",
            "Congress",
            "Bush",
            "Biden",
            "Hillary Clinton",
            "Kerry",
            "Pompeo",
            "Quad",
            "Australia",
            "Canberra",
            "pivot to Asia",
            "rebalance",
            "COMCASA",
            "LEMOA",
        ],
    ),
    "westasia": (
        "West Asia",
        [
            "Saudi Arabia",
            "Riyadh",
            "Iran",
            "Iraq",
            "Syria",
            "Islamic State",
            "Al Qaeda",
            "Gulf",
            "GCC",
            "Yemen",
            "Houthi",
            "Israel",
            "UAE",
            "Qatar",
            "Baghdad",
            "Damascus",
            "Hezbollah",
            "diaspora",
            "remittances",
        ],
    ),
    "india": (
        "India",
        [
            "India",
            "New Delhi",
            "Indian",
            "Narendra Modi",
            "Manmohan Singh",
            "Vajpayee",
            "Ministry of External Affairs",
            "Ministry of Defence",
            "Lok Sabha",
            "BJP",
            "Congress Party",
            "Sushma Swaraj",
            "Ajit Doval",
            "Parrikar",
            "Rajnath Singh",
            "SAARC",
            "BIMSTEC",
            "Neighbourhood First",
        ],
    ),
    "economy": (
        "Economy",
        [
            "SAFTA",
            "free trade agreement",
            "tariffs",
            "connectivity",
            "Asian Development Bank",
            "World Bank",
            "IMF",
            "BRICS",
            "rupee",
            "intra-regional trade",
            "supply chains",
            "hydropower",
            "pipeline",
            "TAPI",
            "special economic zone",
            "foreign direct investment",
        ],
    ),
    "russia": (
        "Russia",
        [
            "Russia",
            "Moscow",
            "Putin",
            "Kremlin",
            "Soviet Union",
            "Central Asia",
            "Kazakhstan",
            "Uzbekistan",
            "Tajikistan",
            "SCO",
            "Ukraine",
            "Crimea",
            "Lavrov",
            "S-400",
            "Eurasia",
        ],
    ),
}

# Twenty columns: name, the topics its articles draw on.
COLUMNS: list[tuple[str, list[str]]] = [
    ("Af-Pak Diary", ["afghanistan", "pakistan"]),
    ("Big Picture", ["india", "china", "us"]),
    ("Dateline Colombo", ["srilanka"]),
    ("Dateline Islamabad", ["pakistan", "kashmir"]),
    ("Dhaka Discourse", ["bangladesh"]),
    ("Eagle Eye", ["us", "india"]),
    ("East Asia Compass", ["korea", "china"]),
    ("Himalayan Frontier", ["nepal", "china"]),
    ("Indo-Pacific", ["seasia", "maritime"]),
    ("Looking East", ["myanmar", "seasia"]),
    ("Maritime Matters", ["maritime", "china"]),
    ("Nuke Street", ["nuclear", "pakistan"]),
    ("Red Affairs", ["naxal"]),
    ("Regional Economy", ["economy", "india"]),
    ("South Asian Dialectic", ["india", "pakistan", "kashmir"]),
    ("Spotlight West Asia", ["westasia"]),
    ("Strategic Space", ["nuclear", "china"]),
    ("The Strategist", ["india", "nuclear", "china"]),
    ("Kashmir Reader", ["kashmir"]),
    ("Eurasian Watch", ["russia", "afghanistan"]),
]

FIRST_NAMES = _split("""
Aarti Abhijit Aditi Ajay Akhil Alok Amit Amita Anand Anil Anita Anjali Ankit Anuradha
Arjun Arun Aruna Arvind Ashok Asif Ayesha Bhavna Bibek Chandan Chitra Deepa Deepak Devika
Dinesh Farah Farhan Gaurav Gautam Harsh Imran Indrani Iqbal Jayanta Jyoti Kabir Kamal
Kavita Keshav Kiran Kumar Lakshmi Madhav Mahesh Manoj Meena Mohan Nadia Naveen Neha
Nikhil Nirupama Pankaj Pooja Prakash Pramod Priya Rahul Rajesh Rakesh Ramesh Rana Ravi
Rekha Rohan Ruchi Rupa Sabina Sahil Salma Samir Sanjay Sarita Shalini Shankar Shireen
Sunil Sushant Tanvi Tariq Uma Usha Varun Vikram Vinod Yasmin Zafar Tsering Nimal
Chaminda Dilrukshi Mahfuz Rehana Tashi Karma Hla Min Ye Aung Zarina Hamid Farid
""")

SURNAMES = _split("""
Acharya Agarwal Ahmed Banerjee Basu Bhattacharya Chakraborty Chandran Chari Chatterjee
Das Desai Dixit Ganguly Ghosh Gupta Haider Hussain Iyer Jaiswal Joshi Kanwal Kapoor
Khan Krishnan Kulkarni Malik Mahapatra Menon Mishra Mukherjee Nair Naqvi Pandey Patel
Pillai Prasad Qureshi Rao Rashid Reddy Routray Roy Sahni Sakhuja Sareen Sen Sethi
Shah Sharma Shetty Singh Sinha Sundaram Thapa Tiwari Trivedi Varma Verma Yadav Zaidi
Perera Fernando Jayasuriya Wickramasinghe Rahman Chowdhury Hossain Karki Shrestha
Gurung Tamang Wangchuk Dorji Htun Thein Kyaw Rizvi Abbasi Durrani Karzai Popal
""")

HONORIFICS = [
    (None, 45),
    ("Dr", 30),
    ("Prof", 10),
    ("Amb", 5),
    ("Lt Gen (Retd)", 3),
    ("Maj Gen (Retd)", 3),
    ("Vice Admiral (Retd.)", 2),
    ("Cmde (Retd)", 2),
]

ROLES = [
    "Visiting Fellow, IPCS",
    "Senior Fellow, IPCS",
    "Research Officer, IPCS",
    "Director, IPCS",
    "Distinguished Fellow, IPCS",
    "Associate Professor, Centre for East Asian Studies, JNU",
    "Professor, Department of Political Science, University of Delhi",
    "Assistant Professor, Department of Defence and Strategic Studies, Quaid-i-Azam University",
    "Executive Director, Centre for Development and Peace Studies, Guwahati",
    "Director, National Maritime Foundation, New Delhi",
    "Former Ambassador of India",
    "Independent Analyst on South Asian affairs",
    "Senior Research Fellow, Institute for Policy Studies, Colombo",
    "Professor, Department of International Relations, University of Dhaka",
    "Researcher, Centre for Nepal and Asian Studies, Kathmandu",
    "Former Director General, Defence Intelligence Agency",
]

TEASER_VERBS = [
    "analyses",
    "argues",
    "explains",
    "considers",
    "examines",
    "looks at",
    "writes about",
    "comments on",
    "cautions",
    "weighs in on",
    "takes stock of",
    "assesses",
    "reviews",
    "reports on",
    "lists",
]

TITLE_NOUNS = [
    "Challenges",
    "Prospects",
    "Implications",
    "Options",
    "Dilemmas",
    "Lessons",
    "Limits",
    "Risks",
    "Opportunities",
    "Contradictions",
    "Priorities",
    "Compulsions",
    "Stakes",
    "Realities",
    "Calculations",
    "Trajectories",
    "Costs",
    "Choices",
]

TITLE_ADJECTIVES = [
    "New",
    "Old",
    "Strategic",
    "Regional",
    "Emerging",
    "Uncertain",
    "Difficult",
    "Rising",
    "Fragile",
    "Shifting",
    "Hard",
    "Quiet",
    "Missing",
    "Unfinished",
    "Changing",
    "Dangerous",
]

SUBHEADINGS = [
    "The Road Ahead",
    "What Next?",
    "Why Now?",
    "The Larger Picture",
    "Conclusion",
    "Looking Ahead",
    "Implications for India",
    "The Way Forward",
    "Background",
    "A Changing Context",
    "Three Key Issues",
    "The Regional Dimension",
]

SHARE_LINE = "Print Bookmark Email Facebook Subscribe"

MONTHS = model.MONTHS
