"""Embedded name lists for fictional people: first names by generation and sex, diverse surnames.

Names are plain ASCII, as many US practice-management systems store them, and include apostrophes
and hyphens so that search is exercised on them. Any resemblance to a real person is chance: names
are drawn independently of each other and of every other field.
"""

from __future__ import annotations

import random

# First names are grouped by when their bearers were born, so a 90-year-old is a Dorothy or a
# Harold more often than a Madison, and a child a Liam more often than a Gary.
_OLDER_F = """
Dorothy Betty Shirley Barbara Patricia Joan Margaret Helen Ruth Virginia Frances Gloria Rosa
Carmen Maria Gladys Mildred Evelyn Marilyn Beverly Judith Carol Janet Norma Irene Lorraine Mae
Esther Yolanda Consuelo Mei Keiko Hiroko Sun Lakshmi Kamala Fatima Halina Krystyna Stanislawa
Wanda Eleni Giuseppina Annie Bernice Ethel Louise Geraldine Loretta Sylvia Delores Ada Ines
""".split()

_OLDER_M = """
Harold Robert James John William Richard Charles Donald George Kenneth Raymond Walter Eugene
Frank Arthur Ralph Howard Jose Juan Manuel Ramon Jesus Luis Kazuo Hiroshi Wei Jian Ravi Krishna
Abdul Mohammed Stanley Tadeusz Jerzy Zbigniew Stavros Giuseppe Salvatore Leroy Willie Earl Otis
Clarence Roosevelt Vernon Milton Herman Bernard Lawrence Thomas Edward Samuel Ernesto Guillermo
""".split()

_MIDDLE_F = """
Jennifer Lisa Michelle Kimberly Angela Melissa Amy Stephanie Tanya Keisha Latoya Tamika Monique
Nicole Heather Rebecca Laura Sandra Denise Veronica Leticia Guadalupe Claudia Adriana Alejandra
Priya Anjali Deepa Sunita Nadia Leila Yasmin Amal Mai Linh Thuy Hong Jing Xiaoling Min-ji Ji-yeon
Agnieszka Katarzyna Magdalena Oksana Natalia Svetlana Colleen Siobhan Maureen Rosemarie Marisol
Aisha Ngozi Folasade Chiamaka Abena Tracy Dawn Rhonda Tonya Erin Kelly Christine Julie Lori
""".split()

_MIDDLE_M = """
Michael David Christopher Mark Brian Kevin Jason Anthony Gregory Timothy Darnell Terrence Andre
Marcus Jerome Reginald Tyrone Carlos Miguel Roberto Javier Francisco Alejandro Ricardo Rajesh
Sanjay Vikram Amit Arjun Omar Tariq Karim Hassan Tuan Minh Duc Hung Wei Jun Sung-min Jae-won
Piotr Tomasz Krzysztof Andrzej Dmitri Sergei Patrick Sean Brendan Kieran Dominic Vincent Emeka
Chukwuma Kwame Kofi Yaw Olumide Scott Todd Craig Keith Troy Darren Shawn Jeffrey Douglas
""".split()

_YOUNGER_F = """
Olivia Emma Ava Sophia Isabella Mia Amelia Harper Evelyn Abigail Emily Madison Chloe Zoe Aaliyah
Imani Nia Zuri Jada Destiny Ximena Camila Valentina Sofia Lucia Gabriela Daniela Ananya Diya
Aarohi Ishita Saanvi Mariam Noor Zainab Layla Hana Yuna Seo-yeon Mei-ling An Ngoc Vy Zofia
Lena Maja Amara Adaeze Chidinma Ifeoma Ama Esi Riley Avery Brooklyn Hailey Kaylee Nevaeh Aubrey
""".split()

_YOUNGER_M = """
Liam Noah Oliver Elijah James Lucas Mason Ethan Aiden Jackson Logan Caleb Jayden Jaylen Malik
Xavier Darius Isaiah Mateo Santiago Diego Leonardo Emiliano Thiago Sebastian Arjun Aarav Vivaan
Rohan Ishaan Yusuf Adam Ali Zayd Ibrahim Minh-khoa Bao Khang Hao Ryo Haruto Min-jun Ji-ho Jakub
Filip Mikolaj Nikolai Chidi Obinna Tobenna Kwabena Kojo Connor Declan Owen Hudson Carter Wyatt
""".split()

SURNAMES = """
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin
Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill
Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards
Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey Cooper Richardson Cox Howard
Ward Peterson Gray Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman
Jenkins Perry Powell Long Patterson Hughes Washington Butler Simmons Foster Bryant Alexander
Russell Griffin Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West Jordan Owens
Reynolds Fisher Ellis Harrison Gibson McDonald Marshall Ortiz Gomez Murray Freeman Wells Webb
Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera
Gutierrez Chavez Ramos Reyes Morales Cruz Castillo Mendoza Vargas Castro Jimenez Ruiz Alvarez
Romero Herrera Medina Aguilar Vasquez Delgado Soto Contreras Guzman Salazar Ortega Figueroa
Nguyen Tran Le Pham Huynh Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly Kim Lee Park Choi Jung Kang
Cho Yoon Jang Lim Han Shin Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin
Tanaka Suzuki Watanabe Yamamoto Nakamura Kobayashi Sato Ito Santos Reyes-Cruz Bautista Dela-Pena
Mendoza-Diaz Aquino Villanueva Patel Shah Desai Mehta Joshi Iyer Reddy Rao Nair Gupta Sharma
Singh Kaur Kumar Chowdhury Rahman Hossain Khan Ahmed Ali Hussain Malik Qureshi Siddiqui Haddad
Khoury Nasser Saleh Abdullah Mansour Farah Aziz Hassan Okafor Okonkwo Adeyemi Oyelaran Nwosu
Eze Mensah Owusu Boateng Asante Kamau Otieno Mwangi Diallo Traore Kowalski Nowak Wisniewski
Wojcik Kaminski Lewandowski Zielinski Szymanski Dabrowski Kozlowski Jankowski Mazur Ivanov
Petrov Shevchenko Kovalenko Bondarenko Horvath Novak Papadopoulos Georgiou Nikolaidis Russo
Romano Colombo Ricci Marino Greco Bruno Gallo Conti Esposito O'Brien O'Connor O'Neil O'Malley
McCarthy Gallagher Doyle Byrne Walsh Flanagan Fitzgerald Schmidt Schneider Fischer Weber Meyer
Wagner Becker Hoffman Schulz Koch Richter Klein Wolf Larsen Hansen Johansson Lindqvist Olsen
Nielsen Cohen Levy Friedman Goldberg Shapiro Katz Rosenberg Bernstein Dubois Moreau Laurent
Bergeron Thibodeaux Boudreaux Baptiste Jean-Louis Pierre Toussaint Joseph Charles Francois
Begay Yazzie Tsosie Benally Redcloud Whitehorse Kealoha Kahale Akana Smith-Jones Taylor-Brooks
Garcia-Lopez Ward-Hill
""".split()

_FIRST = {
    ("F", 0): _OLDER_F, ("M", 0): _OLDER_M,
    ("F", 1): _MIDDLE_F, ("M", 1): _MIDDLE_M,
    ("F", 2): _YOUNGER_F, ("M", 2): _YOUNGER_M,
}


def generation(birth_year: int) -> int:
    """0 for people born before 1960, 1 for 1960-1989, 2 after."""
    return 0 if birth_year < 1960 else 1 if birth_year < 1990 else 2


def first_name(rng: random.Random, sex: str, birth_year: int) -> str:
    """Mostly from the person's generation, sometimes from a neighbouring one (names recur)."""
    era = generation(birth_year)
    if rng.random() < 0.15:
        era = min(2, max(0, era + rng.choice((-1, 1))))
    return rng.choice(_FIRST[(sex, era)])


def surname(rng: random.Random) -> str:
    return rng.choice(SURNAMES)


def all_first_names() -> list[str]:
    return [name for names in _FIRST.values() for name in names]
